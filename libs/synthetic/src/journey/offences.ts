import type { OffenceCategory } from '@case-journey/domain';

/** What the police record and the CPS charges, in words, for each category. */
export const OFFENCE_DESCRIPTIONS: Readonly<Record<OffenceCategory, readonly string[]>> = {
  homicide: ['Murder', 'Manslaughter'],
  'domestic-abuse': ['Assault occasioning actual bodily harm (domestic)', 'Controlling or coercive behaviour', 'Common assault (domestic)'],
  'hate-crime': ['Racially aggravated common assault', 'Religiously aggravated harassment', 'Homophobic public order offence'],
  terrorism: ['Preparation of terrorist acts'],
  sexual: ['Rape', 'Sexual assault', 'Sexual activity with a child'],
  'human-trafficking': ['Arranging travel with a view to exploitation', 'Holding a person in slavery or servitude'],
  'attempted-murder': ['Attempted murder'],
  kidnap: ['Kidnapping'],
  'false-imprisonment': ['False imprisonment'],
  'arson-endangering-life': ['Arson with intent to endanger life'],
  'wounding-gbh-with-intent': ['Wounding with intent to cause grievous bodily harm'],
  'stalking-harassment': ['Stalking involving fear of violence', 'Harassment', 'Malicious communications'],
  violence: ['Assault occasioning actual bodily harm', 'Common assault', 'Assault on an emergency worker'],
  robbery: ['Robbery of personal property', 'Robbery of business property'],
  burglary: ['Burglary of a dwelling', 'Burglary of business premises'],
  theft: ['Theft from a shop', 'Theft of a pedal cycle', 'Theft from the person', 'Theft from a vehicle'],
  'criminal-damage': ['Criminal damage to a dwelling', 'Criminal damage to a vehicle'],
  fraud: ['Fraud by false representation', 'Fraud by abuse of position'],
  drugs: ['Possession with intent to supply'],
  'public-order': ['Causing intentional harassment, alarm or distress', 'Affray'],
  other: ['Possession of an offensive weapon', 'Making off without payment'],
};
