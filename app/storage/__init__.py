"""app.sqlite3: tables and one repository per aggregate, returning domain views."""
