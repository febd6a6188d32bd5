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

OUTPUT_NBS := 10_reader 11_manga109 12_styles 13_synthetic 14_crops 15_source 20_boxink 21_maskgen 22_textseg 23_masks 24_extract 30_heldout_draw 31_heldout 32_checks 33_heldout_masks 34_score 40_ocr 41_judges 42_learned 43_ppocr 44_evaluate 50_losses 51_train 52_ddpm 53_vae 54_ldm 60_legibility 61_runner 63_report 64_demo index

outputs: setup  ## rerun the numbered notebooks and save them with their outputs (the figures and tables of the docs site; no progress bars: TQDM_DISABLE=1), then nbdev_clean
	for nb in $(OUTPUT_NBS); do echo "outputs: $$nb"; TQDM_DISABLE=1 $(BIN)/jupyter nbconvert --to notebook --execute --inplace nbs/$$nb.ipynb --log-level WARN || exit 1; done
	$(BIN)/python tools/no_progress.py $(addprefix nbs/,$(addsuffix .ipynb,$(OUTPUT_NBS)))
	$(BIN)/python tools/docs.py --refresh-widgets nbs/25_tuner.ipynb
	$(BIN)/nbdev_clean

lab: setup  ## JupyterLab on the notebooks
	$(BIN)/jupyter lab nbs

constraints: setup  ## pin the exact versions now installed in .venv into constraints.txt (what CI installs)
	{ head -2 constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -v "^manga-textloss"; } > constraints.txt.new && mv constraints.txt.new constraints.txt

clean:
	rm -rf runs _docs _proc
