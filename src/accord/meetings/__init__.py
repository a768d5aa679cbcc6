"""Preparatory meetings (RPMs, IPMs, advisory and working groups, the conference itself), their
agendas and documents, coordinators per region and topic, and mandated representatives."""
