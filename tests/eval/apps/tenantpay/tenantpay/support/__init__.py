"""Tools for our support team and for merchants' own troubleshooting."""
