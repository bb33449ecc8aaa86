"""Database: schema, sessions and migrations for judge profiles and organizer workspaces."""
