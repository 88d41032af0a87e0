import type { AccessPurpose } from '@case-journey/access';
import type { ContactChannel, OptOutScope, VictimKind, VictimPersonalData } from '@case-journey/domain';

/** A victim's details, unsealed for one stated purpose: who they are, how to reach them, and what they asked for. */
export interface VictimDetails extends VictimPersonalData {
  caseId: string;
  victimId: string;
  kind: VictimKind;
  preferences: {
    contactPreference: ContactChannel;
    optOuts: OptOutScope[];
    consentToReferral: boolean;
  };
  purpose: AccessPurpose;
}
