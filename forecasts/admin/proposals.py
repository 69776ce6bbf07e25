"""The editor's review of proposed forecasts: each proposal's quote, claim, criteria, deadline and
what is left to do, side by side; accept (one or a selection), reject after a confirmation, and
undo a rejection (restore).

Deciding is services.forecasts_accept / forecasts_reject / forecasts_restore; what is left to do is
services.proposal_problems. Nothing here decides anything.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import format_html

from forecasts import importing, services
from forecasts.models import Forecast
from forecasts.rules import parse_id

from .pages import admin_url

PER_PAGE = 20
TEMPLATE = "admin/forecasts/forecast/proposals.html"
REJECT_TEMPLATE = "admin/forecasts/forecast/reject_confirmation.html"
RESTORE_TEMPLATE = "admin/forecasts/forecast/restore_confirmation.html"


def may_decide(model_admin, request) -> bool:
    """Deciding on proposals is part of recording forecasts: it takes the editor's add and change
    permissions (a reviewer who may change a forecast to snooze it still may not accept one)."""
    return model_admin.has_add_permission(request) and model_admin.has_change_permission(request)


def proposals_view(model_admin, request):
    if not may_decide(model_admin, request):
        raise PermissionDenied
    proposed = Forecast.objects.proposed().select_related("source", "author").order_by("source_id", "id")
    source_id = None
    if "source" in request.GET:
        source_id = parse_id(request.GET["source"])
        if source_id is None:
            messages.error(request, f"“{request.GET['source'][:40]}” is not an article id; showing every proposal.")
        else:
            proposed = proposed.filter(source_id=source_id)
    if request.method == "POST":
        return _decide(model_admin, request, proposed)
    page = Paginator(proposed, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": "Review proposed forecasts",
            "page": page,
            "cards": [_card(forecast) for forecast in page.object_list],
            "source_id": source_id,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


def _card(forecast: Forecast) -> dict:
    criteria, notes = importing.criteria_notes(forecast.resolution_criteria)
    problems = services.proposal_problems(forecast)
    return {"forecast": forecast, "criteria": criteria, "notes": notes, "problems": problems}


def _selected(request, proposed, single_button: str) -> list[Forecast]:
    """The forecasts one card's button names, else the ticked ones; ids that are not numbers or
    not proposed (any more) are left out."""
    raw = (
        [request.POST[single_button]]
        if request.POST.get(single_button)
        else request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)
    )
    ids = {forecast_id for forecast_id in map(parse_id, raw) if forecast_id is not None}
    return list(proposed.filter(pk__in=ids)) if ids else []


def _decide(model_admin, request, proposed):
    back = request.get_full_path()
    if "accept" in request.POST or "accept_one" in request.POST:
        chosen = _selected(request, proposed, "accept_one")
        if not chosen:
            messages.warning(request, "Select at least one proposed forecast to accept.")
        else:
            accept(model_admin, request, chosen)
        return HttpResponseRedirect(back)
    if "reject" in request.POST or "reject_one" in request.POST or "confirm_reject" in request.POST:
        chosen = _selected(request, proposed, "reject_one")
        if not chosen:
            messages.warning(request, "Select at least one proposed forecast to reject.")
            return HttpResponseRedirect(back)
        if "confirm_reject" not in request.POST:
            return reject_confirmation(model_admin, request, chosen, confirm_name="confirm_reject", cancel_url=back)
        reject(model_admin, request, chosen)
        return HttpResponseRedirect(back)
    messages.warning(request, "Choose Accept or Reject.")
    return HttpResponseRedirect(back)


def accept(model_admin, request, forecasts) -> bool:
    try:
        accepted = services.forecasts_accept(forecasts=forecasts, accepted_by=request.user)
    except ValidationError as error:
        for message in error.messages:
            model_admin.message_user(request, message, messages.ERROR)
        return False
    model_admin.message_user(request, f"Accepted {accepted} proposed forecast(s): they are open.", messages.SUCCESS)
    return True


def reject(model_admin, request, forecasts) -> bool:
    ids = [forecast.pk for forecast in forecasts]
    try:
        rejected = services.forecasts_reject(forecasts=forecasts, rejected_by=request.user)
    except ValidationError as error:
        model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
        return False
    # Nothing is lost: the rejected proposals are kept, and the message offers to undo at once.
    model_admin.message_user(
        request,
        format_html(
            'Rejected {} proposed forecast(s); they are kept as rejected proposals. <a href="{}">Undo: restore {}</a>',
            rejected,
            restore_url(model_admin, ids),
            "them" if rejected > 1 else "it",
        ),
        messages.SUCCESS,
    )
    return True


def restore(model_admin, request, forecasts) -> bool:
    try:
        restored = services.forecasts_restore(forecasts=forecasts, restored_by=request.user)
    except ValidationError as error:
        model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
        return False
    model_admin.message_user(
        request, f"Restored {restored} rejected proposal(s): they await an editor again.", messages.SUCCESS
    )
    return True


def reject_confirmation(model_admin, request, forecasts, *, confirm_name: str, cancel_url: str, action: str = ""):
    """The page that lists what a rejection will set aside and asks before rejecting it."""
    return TemplateResponse(
        request,
        REJECT_TEMPLATE,
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": "Reject proposed forecasts?",
            "forecasts": forecasts,
            "confirm_name": confirm_name,
            "cancel_url": cancel_url,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


def restore_view(model_admin, request):
    """The undo of a rejection: the rejected proposals named in ?ids= (the reject message's link)
    or ticked, listed with one button that restores them."""
    if not may_decide(model_admin, request):
        raise PermissionDenied
    if request.method == "POST":
        raw = request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)
    else:
        raw = request.GET.get("ids", "").split(",")
    ids = {forecast_id for forecast_id in map(parse_id, raw) if forecast_id is not None}
    chosen = list(Forecast.objects.rejected().filter(pk__in=ids).select_related("source")) if ids else []
    if not chosen:
        messages.warning(request, "None of these forecasts is a rejected proposal: there is nothing to restore.")
        return HttpResponseRedirect(proposals_url(model_admin))
    if request.method == "POST":
        restore(model_admin, request, chosen)
        return HttpResponseRedirect(proposals_url(model_admin))
    return TemplateResponse(
        request,
        RESTORE_TEMPLATE,
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": "Restore rejected proposals?",
            "forecasts": chosen,
            "cancel_url": proposals_url(model_admin),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


def restore_url(model_admin, ids) -> str:
    return f"{admin_url(model_admin, 'restore_rejected')}?ids={','.join(map(str, ids))}"


def proposals_url(model_admin, source_id: int | None = None) -> str:
    url = admin_url(model_admin, "proposals")
    return f"{url}?source={source_id}" if source_id is not None else url


# The changelist's bulk actions: the same decisions on the rows ticked in the forecast list.


@admin.action(description="Accept selected proposed forecasts (they become open)", permissions=["decide"])
def accept_proposed(model_admin, request, queryset):
    chosen = list(queryset.proposed())
    if not chosen:
        model_admin.message_user(request, "None of the selected forecasts is proposed.", messages.WARNING)
        return
    accept(model_admin, request, chosen)


@admin.action(
    description="Reject selected proposed forecasts (asks first; they can be restored)", permissions=["decide"]
)
def reject_proposed(model_admin, request, queryset):
    chosen = list(queryset.proposed())
    if not chosen:
        model_admin.message_user(request, "None of the selected forecasts is proposed.", messages.WARNING)
        return None
    if "confirm_reject" not in request.POST:
        return reject_confirmation(
            model_admin,
            request,
            chosen,
            confirm_name="confirm_reject",
            cancel_url=request.get_full_path(),
            action="reject_proposed",
        )
    reject(model_admin, request, chosen)
    return None


@admin.action(description="Restore selected rejected proposals (proposed again)", permissions=["decide"])
def restore_rejected(model_admin, request, queryset):
    chosen = list(queryset.rejected())
    if not chosen:
        model_admin.message_user(request, "None of the selected forecasts is a rejected proposal.", messages.WARNING)
        return
    restore(model_admin, request, chosen)
