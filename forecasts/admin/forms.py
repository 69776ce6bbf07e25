"""Every form of the forecast admin: the change form, the resolution pages, snooze and import."""

from django import forms
from django.core.exceptions import ValidationError

from forecasts import importing, rules, services
from forecasts.models import Outcome, local_today
from sources import ingestion, scales


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        label="Did the claim come true?",
        help_text="Judge the claim against its resolution criteria, not whether the forecaster was right.",
    )
    evidence_url = forms.URLField(
        required=False,
        max_length=1000,
        assume_scheme="https",
        label="Evidence URL",
        help_text="Required for yes and no: where anyone can check the outcome.",
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required for yes and no: what the evidence shows, and any caveats.",
    )


class EventResolveForm(ResolveForm):
    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        label="Did the event happen?",
        help_text="Judge the event against its resolution criteria; each linked forecast follows from its claim.",
    )
    value = forms.FloatField(
        required=False,
        label="Measured value",
        help_text="Required when threshold claims are linked: the number their thresholds are compared with.",
    )


class ResolveRowForm(forms.Form):
    """One selected forecast's answer on the bulk resolve page: each claim gets its own outcome
    and evidence, or is left as it is."""

    forecast = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        choices=[("", "Not now: leave it unresolved"), *Outcome.choices],
        required=False,
        widget=forms.RadioSelect,
        label="Did the claim come true?",
    )
    evidence_url = forms.URLField(
        required=False,
        max_length=1000,
        assume_scheme="https",
        label="Evidence URL",
        help_text=ResolveForm.base_fields["evidence_url"].help_text,
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=ResolveForm.base_fields["note"].help_text,
    )


class BaseResolveRowFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not any(form.cleaned_data.get("outcome") for form in self.forms):
            raise ValidationError("Choose an outcome for at least one forecast, or cancel.")


ResolveRowFormSet = forms.formset_factory(ResolveRowForm, formset=BaseResolveRowFormSet, extra=0)


class ProbabilityEntryField(forms.CharField):
    """The probability as people write it (rules.parse_probability): 0.7, 70, 70 %, or an
    estimative phrase, which takes the point value of its band on the default scale."""

    def __init__(self, *, required: bool = False, **kwargs):
        kwargs.setdefault(
            "help_text",
            "0.7, 70 or 70 %; or estimative words such as 'likely' or 'very unlikely', which take the "
            f"point value of their band on the {scales.get_scale(scales.DEFAULT_SCALE).title} scale. "
            "Words also fill an empty estimative phrase. Empty when the words carry no number.",
        )
        kwargs.pop("max_length", None)
        super().__init__(required=required, **kwargs)

    def prepare_value(self, value):
        # A stored float reads back as it was entered ("0.675", never "0.6750000000000001").
        return f"{value:.{rules.PROBABILITY_DECIMALS}f}".rstrip("0").rstrip(".") if isinstance(value, float) else value

    def to_python(self, value):
        entry = self.entry(value)
        return entry.probability if entry is not None else None

    def entry(self, value) -> rules.ProbabilityEntry | None:
        """What was typed, read once for the number and for the words (None when empty)."""
        text = super().to_python(value)
        if not text:
            return None
        try:
            return rules.parse_probability(text)
        except ValueError as error:
            raise ValidationError(str(error), code="probability") from None


class PhraseFromProbabilityForm(forms.ModelForm):
    """A forecast form whose probability typed as words ("likely") is also its estimative phrase
    when the editor left the phrase empty (rules.filled_phrase, which the API follows too); a phrase
    the editor typed is kept as it is. The change form and the correction form both read the
    probability this way."""

    PROBABILITY, PHRASE = "probability", "estimative_phrase"

    def clean(self):
        cleaned = super().clean()
        self._phrase_filled = False
        field = self.fields.get(self.PROBABILITY)
        if (
            isinstance(field, ProbabilityEntryField)
            and self.PHRASE in self.fields
            and cleaned.get(self.PROBABILITY) is not None
            and self.PHRASE not in self.errors
        ):
            typed = cleaned.get(self.PHRASE) or ""
            phrase = rules.filled_phrase(typed, field.entry(self[self.PROBABILITY].data))
            if phrase != typed:
                cleaned[self.PHRASE] = phrase
                self._phrase_filled = True
        return cleaned

    @property
    def changed_data(self):
        # The phrase was not typed in its box, yet it changes: the admin writes what changed.
        changed = super().changed_data
        if getattr(self, "_phrase_filled", False) and self.PHRASE not in changed:
            return [*changed, self.PHRASE]
        return changed


class UnresolveForm(forms.Form):
    reason = forms.CharField(
        max_length=500,
        help_text="Why the outcome is withdrawn; kept in the history with the old outcome.",
    )


def opened_version_field() -> forms.IntegerField:
    # The version the form was opened on, so that saving over a newer state is refused.
    return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class CorrectFormBase(PhraseFromProbabilityForm):
    reason = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the record is corrected after resolution; shown with the correction.",
    )
    opened_version = opened_version_field()


class ForecastAdminForm(PhraseFromProbabilityForm):
    opened_version = opened_version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["opened_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and cleaned.get("opened_version") is not None:
            # The admin saves inside the transaction this check runs in, so the row stays locked
            # from here to the save; the service checks again as it writes.
            try:
                services.forecast_check_version(forecast=self.instance, expected_version=cleaned["opened_version"])
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return cleaned


class SnoozeForm(forms.Form):
    review_on = forms.DateField(
        label="New review date",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="A day after today. The forecast is open again and not reminded until then.",
    )
    reason = forms.CharField(
        max_length=500,
        help_text="Why the review is postponed (e.g. 'the statistics office delayed the annual figure'). "
        "Kept in the forecast's history.",
    )

    def clean_review_on(self):
        review_on = self.cleaned_data["review_on"]
        if review_on <= local_today():
            raise ValidationError("Snooze to a day after today.")
        return review_on


class ImportArticleForm(forms.Form):
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text="Paste the article (plain text or HTML), or upload a file below.",
    )
    file = forms.FileField(
        required=False,
        help_text=f"A UTF-8 text or HTML file, at most {ingestion.MAX_BYTES // 1_048_576} MB.",
    )
    title = forms.CharField(required=False, max_length=500, help_text="Leave empty to take it from the text.")
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="URL")
    published = forms.CharField(
        required=False,
        label="Published on",
        help_text="YYYY-MM-DD. Leave empty to take it from the text, or from a day in the URL's path.",
    )
    author = forms.CharField(required=False, max_length=200, help_text="Leave empty to take it from the byline or bio.")
    publication = forms.CharField(required=False, max_length=200)
    scale = forms.ChoiceField(
        choices=[(scale.name, scale.title) for scale in scales.SCALES.values()], initial=scales.DEFAULT_SCALE
    )
    rescue = forms.BooleanField(
        required=False,
        initial=importing.RESCUE_BY_DEFAULT,
        label="Also propose what the sentence model finds",
        help_text="Sentences no rule finds but the sentence model scores as forecasts; each is flagged "
        "for you to check. Finds a few more forecasts, with more false ones.",
    )
    dry_run = forms.BooleanField(required=False, label="Preview only (save nothing)")

    def clean_published(self):
        value = self.cleaned_data["published"].strip()
        if not value:
            return None
        try:
            return ingestion.parse_date(value)
        except ingestion.IngestionError as exc:
            raise ValidationError(str(exc)) from None

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text", "")
        if upload and text.strip():
            raise ValidationError("Paste a text or upload a file, not both.")
        try:
            if upload:
                # The size is known before reading: a huge upload is refused unread.
                if upload.size > ingestion.MAX_BYTES:
                    raise ingestion.IngestionError(
                        f"The file is too large ({upload.size / 1_048_576:.1f} MB); "
                        f"the limit is {ingestion.MAX_BYTES // 1_048_576} MB."
                    )
                cleaned["article"] = ingestion.read_article_bytes(upload.read(), filename=upload.name)
            elif text.strip():
                cleaned["article"] = ingestion.read_article_text(text)
            else:
                raise ValidationError("Paste the article's text or upload a file.")
        except ingestion.IngestionError as exc:
            raise ValidationError(str(exc)) from None
        return cleaned
