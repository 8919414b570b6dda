"""MkDocs' events for this site: each is a function of patient_info/mkdocs_adapter.py, which hands the work to the
package (README, Architecture). No knowledge lives here."""

from patient_info.mkdocs_adapter import (  # noqa: F401  (MkDocs reads these names)
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_pre_build,
    on_startup,
    on_template_context,
)
