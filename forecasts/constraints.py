"""A CHECK constraint whose Python-side validation reads only the fields it names.

Django's CheckConstraint.validate() turns every field of the row into an SQL expression before
evaluating one condition, so a model with a dozen checks builds hundreds of expressions on every
full_clean(): most of the time of writing a forecast. The database constraint is the same; only
what validate() hands to the condition is narrowed, which cannot change its result.
"""

from functools import cached_property

from django.db import DEFAULT_DB_ALIAS, models


class FieldCheck(models.CheckConstraint):
    @cached_property
    def _referenced(self) -> frozenset[str]:
        # The names the condition uses (its lookups and F() references), as Django's own system
        # check reads them.
        return frozenset(parts[0] for parts in models.Model._get_expr_references(self.condition))

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        referenced = self._referenced
        if referenced and "pk" not in referenced:
            unread = {
                field.name
                for field in model._meta.local_concrete_fields
                if field.name not in referenced and field.attname not in referenced
            }
            exclude = unread | set(exclude or ()) | {"pk"}
        super().validate(model, instance, exclude=exclude, using=using)

    def deconstruct(self):
        # Migrations record a plain CheckConstraint: the schema is identical.
        _, args, kwargs = super().deconstruct()
        return "django.db.models.CheckConstraint", args, kwargs
