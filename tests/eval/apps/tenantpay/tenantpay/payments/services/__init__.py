"""Payment use cases; views, API views and tasks call these, never the clients directly."""
