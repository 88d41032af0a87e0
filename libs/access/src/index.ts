// PURE. Who may do what: the principal, the roles and the one access policy table.
export * from './audit';
