/**
 * Text for Prisma's `contains` / `startsWith` / `endsWith` (and a LIKE pattern) that matches
 * literally: Prisma hands the value to LIKE as it is, so a "_" or "%" a person typed would match
 * any character.
 */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
