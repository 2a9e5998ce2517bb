"""Official notices (kuulutukset): the notice pages, their legal timetable, forms and
permissions, and the personal-data scanner; their personal data is removed when the display
period ends by ``cms.removal``."""
