"""Adapters of meetings: the iCalendar writer and feeds, the month grid and the timeline's
geometry, and the web forms."""
