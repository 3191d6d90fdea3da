-- The role the Wohnweg server connects as at runtime. Not superuser, not the owner of
-- any table, not BYPASSRLS: row-level security applies to every query it makes.
-- Change the password for anything but a laptop.
CREATE ROLE wohnweg_app LOGIN PASSWORD 'wohnweg_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
