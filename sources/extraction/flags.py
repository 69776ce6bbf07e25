"""How a candidate's probability and deadline were obtained (shown to the editor)."""

BASIS_STATED = "stated"
BASIS_PHRASE = "phrase"
BASIS_NONE = "none"

DEADLINE_STATED = "stated"
DEADLINE_CONTEXT = "context"
DEADLINE_APPROXIMATE = "approximate"
DEADLINE_DEFAULT = "default"
DEADLINE_NO_FIXED_DATE = "no fixed date"
