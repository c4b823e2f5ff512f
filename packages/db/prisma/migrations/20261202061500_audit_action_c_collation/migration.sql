-- Audit actions are ASCII identifiers ("plan.approved"): compared byte by byte ("C"), a prefix
-- search (action LIKE 'plan.%') reads a range of the (action, createdAt) index instead of every row.
-- Prisma does not model collations, so this lives here only; the index is rebuilt with the column.
ALTER TABLE "AuditLog" ALTER COLUMN "action" TYPE TEXT COLLATE "C";
