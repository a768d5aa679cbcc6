"""The only code that writes invitations and registrations: checks rules, owns the
transaction, records the audit trail. Import the submodules directly."""
