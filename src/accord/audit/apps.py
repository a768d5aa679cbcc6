from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "accord.audit"
    verbose_name = "Audit trail"
