-- Schema version 12: an administrator's password reset forces the user to choose a
-- new password at the next sign-in (services/accounts.py). app_user is a local table: the
-- flag never leaves its file. Frozen once released.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT 0;
