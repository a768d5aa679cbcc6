"""The Action Plan: versions, priorities, outcomes, outputs, KPIs and linkages."""
