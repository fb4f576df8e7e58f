-- First run and operators: the first admin of a brokerage made from the command line is invited by nobody.
ALTER TABLE invites ALTER COLUMN invited_by DROP NOT NULL;
