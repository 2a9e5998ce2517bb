from django.apps import AppConfig


class DeployConfig(AppConfig):
    name = "cms.deploy"
    label = "deploy"
    verbose_name = "Deployment"
