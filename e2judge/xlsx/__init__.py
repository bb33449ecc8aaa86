"""Excel workbooks: safe cell writing, the organizer's template and its reader. Imports openpyxl only."""
