"""Word lists shared by extraction and metadata reading (sources.ingestion): one home each."""

# What a person is called in a bio line or an attribution ("X is a senior fellow at Y").
ROLES = (
    "fellow", "professor", "lecturer", "director", "editor", "researcher", "research", "analyst", "economist",
    "correspondent", "columnist", "author", "writer", "journalist", "scientist", "founder", "co-founder", "chair",
    "chairman", "president", "partner", "adviser", "advisor", "head", "member", "student", "candidate", "reporter",
    "contributor", "strategist", "consultant", "scholar", "historian", "officer", "ambassador", "minister",
    "manager", "associate", "chief", "principal", "expert", "host",
)  # fmt: skip
ROLE_PATTERN = "(?:" + "|".join(sorted(ROLES, key=len, reverse=True)) + ")"

# Wire agencies whose dateline opens a report: "TOKYO (Reuters) -".
WIRE_AGENCIES = ("Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "Kyodo", "Yonhap")
WIRE_PATTERN = "(?:" + "|".join(WIRE_AGENCIES) + ")"
