-- Employer-run sessions name their employer by its unified social credit code: the registry admits only
-- the ID numbers that employer lists, never a learner who merely types its name (issue 9 item 1).
alter table sessions add column employer_credit_code text;
