# manga-textloss: `make demo` (set up + main job) and `make test` (set up + tests) are all a newcomer needs.
PYTHON ?= python3
BIN := .venv/bin
STAMP := .venv/.installed

.PHONY: setup demo test sync readme docs outputs lab clean constraints

setup: $(STAMP)

$(STAMP): settings.ini setup.py tools/setup.sh constraints.txt
	PYTHON=$(PYTHON) bash tools/setup.sh
	touch $(STAMP)

demo: setup  ## synthesise the embedded default dataset, count it, render the exploration notebook into runs/demo
	$(BIN)/mtl demo

test: setup  ## every notebook under nbdev_test, then the job notebooks under papermill; ends with `N passed, N failed`
	$(BIN)/python tools/run_tests.py

sync: setup  ## export the library and clean the notebooks (what CI checks), refresh README.md
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean
	$(BIN)/python tools/readme.py

readme: setup
	$(BIN)/python tools/readme.py

docs: setup  ## the docs site: `nbdev_docs` into _docs/ where Quarto is installed, else an offline HTML preview in _docs/preview/
	$(BIN)/python tools/docs.py

OUTPUT_NBS := 01_manga109 01a_reader 02_synthetic 02a_styles 02b_heldout 02c_heldout_draw 03_masks 03b_boxink 03c_maskgen 03d_textseg 04_extract 05_losses 05a_crops 06_train 07_ddpm 07a_vae 08_ldm 09_evaluate 09a_judges 09b_learned 09c_ppocr 10a_report 11_legibility 11a_runner 12_demo index

outputs: setup  ## rerun the numbered notebooks and save them with their outputs (the figures and tables of the docs site; no progress bars: TQDM_DISABLE=1), then nbdev_clean
	for nb in $(OUTPUT_NBS); do echo "outputs: $$nb"; TQDM_DISABLE=1 $(BIN)/jupyter nbconvert --to notebook --execute --inplace nbs/$$nb.ipynb --log-level WARN || exit 1; done
	$(BIN)/python tools/no_progress.py $(addprefix nbs/,$(addsuffix .ipynb,$(OUTPUT_NBS)))
	$(BIN)/python tools/docs.py --refresh-widgets nbs/03a_tuner.ipynb
	$(BIN)/nbdev_clean

lab: setup  ## JupyterLab on the notebooks
	$(BIN)/jupyter lab nbs

constraints: setup  ## pin the exact versions now installed in .venv into constraints.txt (what CI installs)
	{ head -2 constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -v "^manga-textloss"; } > constraints.txt.new && mv constraints.txt.new constraints.txt

clean:
	rm -rf runs _docs _proc
