"""The admin's "Import article" page (the proposals it makes are reviewed in proposals.py).

The page collects a pasted text or an uploaded file; reading it is sources.ingestion's
job and proposing the forecasts is forecasts.importing's. Nothing here decides anything.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError

from forecasts import importing, services

from .forms import ImportArticleForm
from .pages import action_page
from .proposals import proposals_url

# Service errors name model fields; show them on the form fields the editor can change.
FORM_FIELD_FOR = {"title": "title", "published_on": "published", "author": "author", "scale": "scale"}


def import_article_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = ImportArticleForm(request.POST or None, request.FILES or None)
    result = rows = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        article = data["article"]
        try:
            result = services.propose_forecasts_from_article(
                text=article.text,
                title=data["title"],
                url=data["url"],
                published_on=data["published"],
                author_name=data["author"],
                publication_name=data["publication"],
                metadata=article.metadata,
                scale=data["scale"],
                recorded_by=request.user,
                dry_run=data["dry_run"],
                rescue=data["rescue"],
            )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(FORM_FIELD_FOR.get(name), errors)
        else:
            rows = importing.candidate_rows(result)
            model_admin.message_user(request, _summary(result, data["dry_run"]), messages.SUCCESS)
    return action_page(
        model_admin,
        request,
        template="admin/forecasts/forecast/import_article.html",
        title="Import article",
        form=form,
        result=result,
        rows=rows,
        proposed_url=proposals_url(model_admin, result.source.pk if result and result.source else None),
    )


def _summary(result, dry_run: bool) -> str:
    if dry_run:
        return f"Preview: {len(result.candidates)} candidate forecasts; nothing was saved."
    if not result.created:
        return f"This article was already imported ({len(result.forecasts)} forecasts); nothing new was saved."
    return f"Article stored; {len(result.forecasts)} forecasts proposed. Accept, edit or reject them."
