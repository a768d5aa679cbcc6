"""The demo conference, created through the same domain functions a user triggers."""
