-- Named references (a book, a course without a link) are never fetched: their state is 'reference', not 'pending'.
-- Roadmaps imported before ingestion existed stored them as 'pending'.
UPDATE resource SET state = 'reference' WHERE url IS NULL AND state = 'pending';
