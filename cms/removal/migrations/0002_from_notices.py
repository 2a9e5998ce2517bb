# The journals, deadlines and incidents of notices' removals, kept by the notices app until
# the removal became a service for every kind of personal data: copied as kind "notice".

from django.db import migrations

FIELDS = {
    "NoticeRemoval": (
        "Removal",
        [
            "policy", "ends_at", "started_at", "redacted_at", "finished_at", "needles",
            "pending_files", "file_digests", "counts",
        ],
    ),
    "NoticeDeadline": ("Deadline", ["moment"]),
    "RemovalIncident": (
        "Incident",
        [
            "first_failed_at", "last_failed_at", "attempts", "problem", "alerted_at",
            "resolved_at",
        ],
    ),
}


def copy(apps, schema_editor):
    for old_name, (new_name, fields) in FIELDS.items():
        old = apps.get_model("notices", old_name)
        new = apps.get_model("removal", new_name)
        rows = []
        for row in old.objects.all():
            values = {name: getattr(row, name) for name in fields}
            if old_name == "NoticeRemoval":
                values["reference"] = row.translation_key
            rows.append(new(kind="notice", item_id=row.page_id, **values))
        new.objects.bulk_create(rows)


def back(apps, schema_editor):
    for old_name, (new_name, fields) in FIELDS.items():
        old = apps.get_model("notices", old_name)
        new = apps.get_model("removal", new_name)
        rows = []
        for row in new.objects.filter(kind="notice"):
            values = {name: getattr(row, name) for name in fields}
            if old_name == "NoticeRemoval":
                values["translation_key"] = row.reference
            rows.append(old(page_id=row.item_id, **values))
        old.objects.bulk_create(rows)


class Migration(migrations.Migration):

    dependencies = [
        ("removal", "0001_initial"),
        ("notices", "0004_removal_incident"),
    ]

    operations = [migrations.RunPython(copy, back)]
