"""Every notebook in JupyterLab, in headless Chromium: Run All, interact, no errors, axe.

For each notebook (the table :data:`tests.browser.STEPS`): open it in one JupyterLab
(module-scoped, serving a temporary copy of ``notebooks/``), Run All Cells, wait until
every code cell has an execution count and the kernel is idle, run the notebook's
interaction (it acts only on the widgets, as a learner would), check that no error shows,
save a screenshot of the main widget and of the page (see :func:`tests.browser.artifacts_dir`),
and run axe-core.

axe is scoped to the notebook (``.jp-Notebook``: our Markdown, outputs and widgets), not
to JupyterLab's menus and side bars, which are upstream's. Inside the notebook two rules
are excluded, for JupyterLab's and ipywidgets' own elements only (see :data:`UPSTREAM_AXE_EXCLUSIONS`).
After each notebook its kernel is shut down, so kernels do not pile up.
"""

from __future__ import annotations

import pytest

from tests.browser import (STEPS, UPSTREAM_AXE_EXCLUSIONS, assert_no_error_output, browser,  # noqa: F401
                           check_accessibility, new_page, open_in_lab, run_all_cells, save_screenshot,
                           shut_down_kernels)

pytestmark = [pytest.mark.browser, pytest.mark.slow]



@pytest.fixture
def lab_page(browser, jupyterlab_module_server):  # noqa: F811 (browser is a fixture)
    with new_page(browser) as page:
        yield page
    shut_down_kernels(jupyterlab_module_server)


@pytest.mark.parametrize("notebook", list(STEPS))
def test_notebook_in_jupyterlab(notebook, lab_page, jupyterlab_module_server):
    page = lab_page
    open_in_lab(page, jupyterlab_module_server, notebook)
    run_all_cells(page)
    main_widget = STEPS[notebook](page)
    assert_no_error_output(page)
    name = "lab-" + notebook.removesuffix(".ipynb").replace("/", "-")
    save_screenshot(page, name + "-widget", main_widget)
    save_screenshot(page, name)
    check_accessibility(page, ".jp-Notebook", exclude=UPSTREAM_AXE_EXCLUSIONS)
