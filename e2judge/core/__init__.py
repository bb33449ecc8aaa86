"""Pure core: rubric rules, scoring maths, text rules. Imports neither Qt nor SQLAlchemy."""
