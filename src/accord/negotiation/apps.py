from django.apps import AppConfig


class NegotiationConfig(AppConfig):
    name = "accord.negotiation"
    verbose_name = "Negotiation"
