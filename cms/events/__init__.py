"""Events with times in Europe/Helsinki, their categories and listing pages."""
