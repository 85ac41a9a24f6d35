-- Extensions every database of Integra uses; PGlite loads them at each open too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
