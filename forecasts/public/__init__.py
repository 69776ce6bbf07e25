"""The public record: a page per forecast, list pages with open calls, search, feeds,
downloads and embeds, all cached under the public data version."""
