"""Official notices (kuulutukset): their legal timetable, the personal-data scanner, and
(to come) the notice pages whose personal data is removed when the display period ends."""
