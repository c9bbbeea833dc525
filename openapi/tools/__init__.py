"""Scripts for people who change the spec (CONTRIBUTING.md, "Regenerating")."""
