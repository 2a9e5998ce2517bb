"""Running the platform in production: the WSGI server's configuration, the systemd
units of its services, the CMS's nginx server block, and backup and restore."""
