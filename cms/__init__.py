"""The Django project and Wagtail apps that hold the city's web content."""
