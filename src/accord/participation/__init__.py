"""Who takes part in a conference: registered and attended figures per dimension, against the
secretariat's targets and a previous conference's figures (issue 7, point 6)."""
