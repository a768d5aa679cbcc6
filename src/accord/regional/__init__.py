"""Regional priorities: each regional telecommunication organization (RTO) brings a limited
number to a conference, linked to the Action Plan; the priorities common to several regions
are found by the overlap engine and by shared plan items."""
