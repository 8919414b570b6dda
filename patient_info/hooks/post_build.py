"""While `mkdocs serve` rebuilds: the post-build step (patient_info/post_build.py) after the last language, as
`make build` runs it after `mkdocs build`. A hook file of its own because it must run after mkdocs-static-i18n's
own end of build, which patient_info/hooks/mkdocs_events.py's on_post_build must precede."""

from patient_info.mkdocs_adapter import post_build_while_serving as on_post_build  # noqa: F401
