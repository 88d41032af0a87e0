// PURE. Who may do what: the principal, the roles and the one access policy table; the audit log's chain.
export * from './roles';
export * from './principal';
export * from './policy-table';
export * from './grant';
export * from './scope-checks';
export * from './recording-authority';
export * from './audit';
