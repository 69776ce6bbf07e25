"""The write path of a file import: rows already parsed and checked become forecasts in bulk."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.core.validators import EmailValidator
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from sources import services as source_services
from sources.models import Author, name_key

from ..models import Forecast, Status, Tag, claim_fingerprint
from ..records import ForecastRecord
from .access import account_for_import
from .forecasts import tags_get_or_create
from .public import public_data_changed


def _is_email(text: str) -> bool:
    try:
        EmailValidator()(text)
    except ValidationError:
        return False
    return True


@dataclass(frozen=True)
class ImportResult:
    created: int
    skipped_existing: int
    reviewers_created: tuple[str, ...]


@transaction.atomic
def forecasts_import(
    *, rows: Iterable[ForecastRecord], batch_size: int = 2000, create_reviewers: bool = False
) -> ImportResult:
    """Write checked import rows in batches, all or nothing.

    A username with no account is refused (nothing is written) unless `create_reviewers`: then
    the account is created as a reviewer (staff, Reviewers group, no password) and invited by
    email to set its password once the import commits.

    A row whose forecast is already recorded (same source, forecaster and claim) is skipped, so
    importing a file twice adds nothing and never overwrites. A row's id is kept when it is free,
    which makes export -> import into an empty database -> export give the same file.
    """
    publications: dict[str, object] = {}
    authors: dict[str, Author] = {}
    # Ids, not instances: one entry per distinct article of the file, so keep each entry small.
    sources: dict[tuple[str, str], int] = {}
    tags: dict[str, Tag] = {}
    users: dict[str, AbstractBaseUser] = {}
    reviewers_created: list[str] = []
    created = skipped = 0
    kept_explicit_ids = False
    user_model = get_user_model()

    def user_for(username: str | None):
        if not username:
            return None
        if username not in users:
            user = user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).first()
            if user is None:
                if not create_reviewers:
                    raise ValidationError(
                        f"No account named '{username}'; nothing was imported. Import with --create-reviewers "
                        "to create it as a reviewer and invite it."
                    )
                # Keep the assignment rather than drop it. The account's address is the username
                # when that is one, else username@IMPORT_REVIEWER_EMAIL_DOMAIN; the command lists
                # the new accounts so that an admin can correct them.
                domain = settings.IMPORT_REVIEWER_EMAIL_DOMAIN
                email = username if _is_email(username) else (f"{username}@{domain}" if domain else "")
                user, new = account_for_import(username=username, email=email)
                if new:
                    reviewers_created.append(username)
            users[username] = user
        return users[username]

    def write(batch: list[ForecastRecord]) -> None:
        nonlocal created, skipped, kept_explicit_ids
        resolved = []
        for row in batch:
            publication_key = name_key(row.publication) if row.publication else None
            if publication_key and publication_key not in publications:
                publications[publication_key] = source_services.publication_get_or_create(name=row.publication)
            author_key = name_key(row.author)
            if author_key not in authors:
                authors[author_key] = source_services.author_get_or_create(name=row.author)
            author = authors[author_key]
            source_key = (row.source_url, row.source_title if not row.source_url else "")
            if source_key not in sources:
                sources[source_key] = source_services.source_get_or_create_reference(
                    title=row.source_title,
                    url=row.source_url,
                    published_on=row.made_on,
                    publication=publications.get(publication_key) if publication_key else None,
                    author=author,
                ).pk
            resolved.append((row, sources[source_key], author, claim_fingerprint(row.claim)))

        def recorded(keys) -> set[tuple[int, int, str]]:
            return set(
                Forecast.objects.filter(
                    source_id__in={source_id for source_id, _, _ in keys},
                    claim_key__in={claim_key for _, _, claim_key in keys},
                ).values_list("source_id", "author_id", "claim_key")
            )

        existing = recorded({(source_id, author.id, key) for _, source_id, author, key in resolved})
        wanted_ids = {row.id for row, _, _, _ in resolved if row.id is not None}
        taken_ids = set(Forecast.objects.filter(id__in=wanted_ids).values_list("id", flat=True))
        now = timezone.now()
        objects, row_tags = [], []
        # Repeats from earlier batches are already in the database (same transaction), so `existing`
        # finds them; only this batch's own keys are kept, and memory does not grow with the file.
        seen_keys: set[tuple[int, int, str]] = set()
        for row, source_id, author, claim_key in resolved:
            key = (source_id, author.id, claim_key)
            if key in existing or key in seen_keys:
                skipped += 1
                continue
            seen_keys.add(key)
            use_id = row.id if row.id is not None and row.id not in taken_ids else None
            if use_id is not None:
                taken_ids.add(use_id)
            is_resolved = row.status == Status.RESOLVED
            forecast = Forecast(
                id=use_id,
                source_id=source_id,
                author=author,
                quote=row.quote,
                claim=row.claim,
                claim_key=claim_key,
                estimative_phrase=row.estimative_phrase,
                probability=row.probability,
                probability_basis=row.probability_basis,
                made_on=row.made_on,
                deadline=row.deadline,
                review_on=row.review_on,
                resolution_criteria=row.resolution_criteria,
                status=row.status,
                outcome=row.outcome,
                evidence_url=row.evidence_url,
                resolution_note=row.resolution_note,
                resolved_at=(row.resolved_at or now) if is_resolved else None,
                resolved_by=user_for(row.resolved_by) if is_resolved else None,
                reviewer=user_for(row.reviewer),
                recorded_by=user_for(row.recorded_by),
                reference_probability=row.reference_probability,
                reference_source=row.reference_source,
                # Written without save(): an imported row links no event, so its own reference.
                reference_used=row.reference_probability,
            )
            objects.append(forecast)
            row_tags.append(row.tags)
        if not objects:
            return
        try:
            with transaction.atomic():
                Forecast.objects.bulk_create(objects, batch_size=batch_size)
        except IntegrityError:
            # Another import wrote some of these rows since `existing` was read (PostgreSQL waited
            # for it to commit), or took an id. Insert row by row: a forecast now recorded is
            # skipped, an id now taken is given up; anything else is a real error.
            inserted, inserted_tags = [], []
            for forecast, names in zip(objects, row_tags, strict=True):
                key = (forecast.source_id, forecast.author_id, forecast.claim_key)
                for attempt in range(2):
                    try:
                        with transaction.atomic():
                            Forecast.objects.bulk_create([forecast])
                        inserted.append(forecast)
                        inserted_tags.append(names)
                        break
                    except IntegrityError:
                        if recorded({key}):
                            skipped += 1
                            break
                        if forecast.id is None or attempt:
                            raise
                        forecast.id = None
            objects, row_tags = inserted, inserted_tags
            if not objects:
                return
        if any(forecast.id in wanted_ids for forecast in objects):
            kept_explicit_ids = True
        Forecast.history.bulk_history_create(objects, default_change_reason="Imported", default_date=now)
        links = []
        for forecast, names in zip(objects, row_tags, strict=True):
            tag_ids = set()
            for name in names:
                tag_key = name_key(name)
                if tag_key not in tags:
                    tags[tag_key] = tags_get_or_create(names=[name])[0]
                tag_ids.add(tags[tag_key].id)
            links.extend(Forecast.tags.through(forecast_id=forecast.id, tag_id=tag_id) for tag_id in sorted(tag_ids))
        Forecast.tags.through.objects.bulk_create(links, batch_size=batch_size)
        created += len(objects)

    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) >= batch_size:
            write(batch)
            batch = []
    if batch:
        write(batch)
    if kept_explicit_ids:
        # Rows kept their ids: move the id sequence past them (PostgreSQL; a no-op on SQLite).
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Forecast]):
                cursor.execute(statement)
    if created:
        public_data_changed()
    return ImportResult(created=created, skipped_existing=skipped, reviewers_created=tuple(reviewers_created))
