"""The image (Dockerfile) and the Kubernetes manifests (deploy/) agree with the code and `make run`.

Offline and fast: no model, no server, no container. The environment variables the code reads
are found by reading its source (every `os.environ` lookup, followed through the functions that
pass a variable's name on), so a new one fails here until a manifest sets it or docs/deploy.md
says why it is left unset.
"""

import ast
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

import pytest
import yaml

from assistant.secret_keys import REQUIRED_SECRETS

ROOT = Path(__file__).resolve().parent.parent
KUBERNETES = ROOT / "deploy" / "kubernetes"
ENTRYPOINT = ROOT / "deploy" / "entrypoint.sh"
SECRET_TEMPLATE = KUBERNETES / "secret.example.yaml"
DEPLOY_DOC = ROOT / "docs" / "deploy.md"
UNSET_HEADING = "### Left unset on purpose"
SECRET_NAME = re.compile(r"(KEY|SECRET|TOKEN|PASSWORD|_SID)$")
ENV_LOOKUPS = {"os.environ.get", "os.environ.pop", "os.environ.setdefault", "os.getenv"}
YAML_FILES = sorted(p for p in (ROOT / "deploy").rglob("*") if p.suffix in (".yaml", ".yml"))
# Options the entry point may add to run.sh's command lines, and why: in a container the demo
# page must listen on every interface, not on 127.0.0.1.
EXTRA_OPTIONS = {"webchat": {"--host"}}

Doc = Dict[str, Any]


def documents(path: Path) -> List[Doc]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def manifests() -> List[Doc]:
    """What `kubectl apply -k deploy/kubernetes` applies, less the generated ConfigMap."""
    kustomization = documents(KUBERNETES / "kustomization.yaml")[0]
    return [doc for name in kustomization["resources"] for doc in documents(KUBERNETES / name)]


def named(kind: str, name: str) -> Doc:
    return next(d for d in manifests() if d["kind"] == kind and d["metadata"]["name"] == name)


def pod_specs() -> Iterator[Doc]:
    for doc in manifests():
        if doc["kind"] == "CronJob":
            yield doc["spec"]["jobTemplate"]["spec"]["template"]["spec"]
        elif doc["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            yield doc["spec"]["template"]["spec"]


def containers() -> Iterator[Doc]:
    for spec in pod_specs():
        yield from spec.get("initContainers", []) + spec["containers"]


def secret_template() -> Doc:
    (secret,) = documents(SECRET_TEMPLATE)
    return secret


def container_environment(container: Doc) -> Set[str]:
    """The variables a container gets: its `env`, and the keys of its envFrom sources."""
    names = {variable["name"] for variable in container.get("env", [])}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            names |= set(named("ConfigMap", source["configMapRef"]["name"])["data"])
        if "secretRef" in source:
            assert source["secretRef"]["name"] == secret_template()["metadata"]["name"]
            names |= set(secret_template()["stringData"])
    return names


def set_in_manifests() -> Set[str]:
    return set().union(*(container_environment(c) for c in containers()))


# --- The environment variables the code reads -------------------------------------------------


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


def parameters(function: ast.AST) -> List[str]:
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    names = [a.arg for a in function.args.posonlyargs + function.args.args]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def scopes(tree: ast.AST) -> Iterator[Tuple[ast.AST, ast.AST]]:
    """Every node with the function it is in (the module for module-level code)."""

    def visit(node: ast.AST, scope: ast.AST) -> Iterator[Tuple[ast.AST, ast.AST]]:
        for child in ast.iter_child_nodes(node):
            yield child, scope
            inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else scope
            yield from visit(child, inner)

    yield from visit(tree, tree)


def string_constants(tree: ast.Module) -> Dict[str, str]:
    """The module's `NAME = "text"` assignments."""
    constants = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        for target in targets:
            if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
                constants[target.id] = value.value
    return {name: value for name, value in constants.items() if isinstance(value, str)}


def environment_variables_in_code(root: Path = ROOT) -> Set[str]:
    """Names read from the environment in assistant/ and actions/, and in the YAML Rasa reads."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for d in ("assistant", "actions")
             for p in sorted((root / d).rglob("*.py"))}  # fmt: skip
    constants = {k: v for tree in trees.values() for k, v in string_constants(tree).items()}
    found: Set[str] = set()
    # Functions that look up the name one of their parameters holds: name -> (index, parameter).
    forwarders: Dict[str, Tuple[int, str]] = {}

    def resolve(argument: Optional[ast.AST], scope: ast.AST, where: str) -> None:
        constant = dotted(argument).split(".")[-1] if argument is not None else ""
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            found.add(argument.value)
        elif isinstance(argument, ast.Name) and argument.id in parameters(scope):
            assert isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef))
            forwarders[scope.name] = (parameters(scope).index(argument.id), argument.id)
        elif constant in constants:
            found.add(constants[constant])
        else:
            raise AssertionError(f"{where}: an environment lookup this test cannot follow")

    for path, tree in trees.items():
        for node, scope in scopes(tree):
            where = f"{path.relative_to(root)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call) and dotted(node.func) in ENV_LOOKUPS:
                resolve(node.args[0] if node.args else None, scope, where)
            elif isinstance(node, ast.Subscript) and dotted(node.value) == "os.environ":
                resolve(node.slice, scope, where)
            elif isinstance(node, ast.Compare) and dotted(node.comparators[0]) == "os.environ":
                resolve(node.left, scope, where)
    settled: Dict[str, Tuple[int, str]] = {}
    while settled != forwarders:
        settled = dict(forwarders)
        for path, tree in trees.items():
            for node, scope in scopes(tree):
                if not isinstance(node, ast.Call):
                    continue
                index, name = settled.get(dotted(node.func).split(".")[-1], (-1, ""))
                given = node.args[index:][:1] + [k.value for k in node.keywords if k.arg == name]
                for argument in given if index >= 0 else []:
                    resolve(argument, scope, f"{path.relative_to(root)}:{node.lineno}")
    for name in ("endpoints.yml", "credentials.yml"):
        found |= set(re.findall(r"\$\{(\w+)", yaml.safe_dump(documents(root / name))))
    return found


def environment_variables_in_entrypoint() -> Set[str]:
    script = ENTRYPOINT.read_text(encoding="utf-8")
    assigned = set(re.findall(r"^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=", script, re.M))
    return set(re.findall(r"\$\{?([A-Z_][A-Z0-9_]*)", script)) - assigned


def left_unset_in_docs() -> Set[str]:
    text = DEPLOY_DOC.read_text(encoding="utf-8")
    assert UNSET_HEADING in text, f"docs/deploy.md needs a '{UNSET_HEADING}' section"
    section = text.split(UNSET_HEADING, 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\|\s*`([A-Z][A-Z0-9_]*)`", section, re.M))


# --- Command lines --------------------------------------------------------------------------


def logical_lines(path: Path) -> List[str]:
    return path.read_text(encoding="utf-8").replace("\\\n", " ").splitlines()


def run_script_commands() -> Dict[str, List[str]]:
    """scripts/run.sh's three background commands, by role, the program named by its basename."""
    lines = logical_lines(ROOT / "scripts" / "run.sh")
    variables = dict(re.findall(r'^(\w+)="([^"$]*)"$', "\n".join(lines), re.M))
    commands: Dict[str, List[str]] = {}
    for line in lines:
        if line.rstrip().endswith("&"):
            words = shlex.split(line.rstrip().removesuffix("&"), comments=True)
            words[0] = Path(variables.get(words[0].lstrip("$"), words[0])).name
            role = "actions" if words[:3] == ["rasa", "run", "actions"] else words[0]
            commands["webchat" if role.startswith("python") else role] = words
    return commands


def run_script_defaults() -> Dict[str, str]:
    text = (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    return dict(re.findall(r'^(\w+)="\$\{\d:-([^}]*)\}"', text, re.M))


def entrypoint_command(role: str, tmp_path: Path, **environment: str) -> List[str]:
    """What the entry point runs for `role`, with stand-ins for `rasa` and `python`."""
    tools = tmp_path / "bin"
    tools.mkdir(exist_ok=True)
    for program in ("rasa", "python"):
        (tools / program).write_text('#!/bin/sh\nbasename "$0"\nprintf \'%s\\n\' "$@"\n')
        (tools / program).chmod(0o755)
    result = subprocess.run(
        ["sh", str(ENTRYPOINT), role],
        capture_output=True, text=True, cwd=tmp_path, check=True,
        env={"PATH": f"{tools}:/usr/bin:/bin", **environment},
    )  # fmt: skip
    return result.stdout.splitlines()


def options(words: List[str]) -> Tuple[List[str], Dict[str, str]]:
    """A command's words before its first option, and its `--option value` pairs."""
    first = next((i for i, word in enumerate(words) if word.startswith("-")), len(words))
    pairs = {w: (words[i + 1 :] or [""])[0] for i, w in enumerate(words) if w.startswith("-")}
    return words[:first], pairs


# --- Dockerfile -----------------------------------------------------------------------------


def dockerfile_stages() -> List[Tuple[str, str, List[Tuple[str, str]]]]:
    """(name, base image, instructions) of each stage, comments left out."""
    lines = [line for line in (ROOT / "Dockerfile").read_text().splitlines()
             if not line.lstrip().startswith("#")]  # fmt: skip
    instructions = [i.split(None, 1) for i in "\n".join(lines).replace("\\\n", " ").splitlines()]
    arguments: Dict[str, str] = {}
    stages: List[Tuple[str, str, List[Tuple[str, str]]]] = []
    for keyword, rest in (i for i in instructions if len(i) == 2):
        if keyword.upper() == "FROM":
            image, *alias = re.sub(r"\$\{(\w+)\}", lambda m: arguments[m[1]], rest).split()
            stages.append((alias[-1] if alias else image, image, []))
        elif not stages and keyword.upper() == "ARG":
            name, _, value = rest.partition("=")
            arguments[name.strip()] = value.strip()
        elif stages:
            stages[-1][2].append((keyword.upper(), rest))
    return stages


def pip_installs(text: str) -> Dict[str, Set[str]]:
    """Each `pip install`: what it installs (the -r file's name, or the path) -> its flags."""
    installs: Dict[str, Set[str]] = {}
    for command in re.split(r"&&|\n", text.replace("\\\n", " ")):
        words = shlex.split(command.replace("$(PYTHON) -m ", ""))
        if words[:2] == ["pip", "install"]:
            words = [w for w in words[2:] if w not in ("--quiet", "-q")]
            target = words[words.index("-r") + 1] if "-r" in words else words[-1]
            installs[Path(target).name] = {w for w in words if w.startswith("--")}
    return installs


# --- The tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_under_deploy_parses(path: Path) -> None:
    assert documents(path), f"{path} holds no document"
    assert all(isinstance(doc, dict) for doc in documents(path))


def test_the_scan_follows_a_name_through_constants_functions_and_yaml(tmp_path: Path) -> None:
    (tmp_path / "assistant").mkdir()
    (tmp_path / "actions").mkdir()
    (tmp_path / "assistant" / "settings.py").write_text(
        "import os\nNAME = 'BY_CONSTANT'\n"
        "def _setting(name, default):\n    return os.environ.get(name) or default\n"
        "class Reader:\n    def read(self, key):\n        return _setting(key, 1)\n"
        "os.getenv(NAME)\nos.environ['BY_SUBSCRIPT']\n'BY_MEMBERSHIP' in os.environ\n"
    )
    (tmp_path / "actions" / "use.py").write_text(
        "from assistant.settings import Reader, _setting\n"
        "Reader().read('THROUGH_TWO_CALLS')\n_setting(default=2, name='BY_KEYWORD')\n"
    )
    (tmp_path / "endpoints.yml").write_text("tracker_store:\n  url: ${FROM_ENDPOINTS}\n")
    (tmp_path / "credentials.yml").write_text("rest:\n")
    assert environment_variables_in_code(tmp_path) == {
        "BY_CONSTANT", "BY_SUBSCRIPT", "BY_MEMBERSHIP", "THROUGH_TWO_CALLS", "BY_KEYWORD",
        "FROM_ENDPOINTS",
    }  # fmt: skip
    (tmp_path / "actions" / "use.py").write_text("import os\nos.environ.get(f'A_{1}')\n")
    with pytest.raises(AssertionError, match="cannot follow"):
        environment_variables_in_code(tmp_path)


def test_every_environment_variable_the_code_reads_is_set_or_documented() -> None:
    read = environment_variables_in_code() | environment_variables_in_entrypoint()
    assert set(REQUIRED_SECRETS) <= read, "the scan misses lookups it should follow"
    unset = left_unset_in_docs()
    missing = read - set_in_manifests() - unset
    assert not missing, f"set these in deploy/kubernetes or list them in docs/deploy.md: {missing}"
    assert not unset & set_in_manifests(), "docs/deploy.md calls these unset, a manifest sets them"
    assert unset <= read, f"docs/deploy.md lists variables nothing reads: {unset - read}"


def test_secrets_come_only_from_the_secret_whose_template_is_empty() -> None:
    secret = secret_template()
    values = {**secret.get("data", {}), **secret.get("stringData", {})}
    assert secret["kind"] == "Secret" and values
    assert all(value in ("", None) for value in values.values()), "the template holds a value"
    assert {n for n in environment_variables_in_code() if SECRET_NAME.search(n)} <= set(values)
    kustomization = documents(KUBERNETES / "kustomization.yaml")[0]
    assert SECRET_TEMPLATE.name not in kustomization["resources"], "it would empty the Secret"
    for container in containers():
        for variable in container.get("env", []):
            reference = variable.get("valueFrom", {}).get("secretKeyRef")
            if reference:
                assert reference["name"] == secret["metadata"]["name"]
                assert reference["key"] in values
            else:
                assert not SECRET_NAME.search(variable["name"]), f"{variable['name']} in clear"
                defined = [v["name"] for v in container["env"]]
                defined = defined[: defined.index(variable["name"])]
                for reference_name in re.findall(r"\$\((\w+)\)", variable.get("value", "")):
                    assert reference_name in defined, f"$({reference_name}) is not set before"
                password = re.search(r"://[^:/@]*:([^@]*)@", variable.get("value", ""))
                assert not password or re.fullmatch(r"\$\(\w+\)", password[1]), "a password"
    for config in (d for d in manifests() if d["kind"] == "ConfigMap"):
        assert not any(SECRET_NAME.search(name) for name in config.get("data", {}))


def test_the_image_installs_from_the_hashed_runtime_lock_as_make_install_does() -> None:
    stages = dockerfile_stages()
    runs = "\n".join(rest for _, _, stage in stages for keyword, rest in stage if keyword == "RUN")
    image = pip_installs(runs)
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("$(INSTALLED):", 1)[1].split("\n\n", 1)[0]
    make = pip_installs(recipe)
    assert image.pop("runtime.lock") == make.pop("dev.lock")
    assert "--require-hashes" in image["spacy-model.lock"]
    for target, flags in make.items():
        assert image[target] == flags, target
    assert "pip check" in runs
    assert "dev.lock" not in runs


def test_the_runtime_stage_runs_as_a_user_other_than_root() -> None:
    stages = dockerfile_stages()
    _, base, runtime = stages[-1]
    installer = next(s for s in stages if "--require-hashes" in str(s[2]))
    assert base == installer[1] and base.startswith("python:3.10"), "not the same base"
    users = [rest.strip() for keyword, rest in runtime if keyword == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0"), "runs as root"
    copies = [rest for keyword, rest in runtime if keyword == "COPY"]
    assert any(f"--from={installer[0]} /opt/venv" in copy for copy in copies)
    environment = " ".join(rest for keyword, rest in runtime if keyword == "ENV")
    assert "RASA_TELEMETRY_ENABLED=false" in environment
    assert "PYTHONWARNINGS=ignore::DeprecationWarning" in environment
    secrets = set(secret_template()["stringData"])
    for keyword, rest in (i for _, _, stage in stages for i in stage):
        if keyword in ("ENV", "ARG"):
            assert not secrets & set(re.findall(r"\w+", rest)), f"{keyword} {rest}"
    entrypoint = [rest for keyword, rest in runtime if keyword == "ENTRYPOINT"]
    assert entrypoint and "deploy/entrypoint.sh" in entrypoint[-1]
    # The build context admits only what it names: never var/ (var/secrets.env) or a .env.
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert patterns[0] == "*"
    assert not [p for p in patterns if p.startswith("!") and re.search(r"var|env|secret", p)]


@pytest.mark.parametrize("role", ["rasa", "actions", "webchat"])
def test_the_entrypoint_runs_what_make_run_runs(role: str, tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "assistant-test.tar.gz").touch()
    ran = entrypoint_command(role, tmp_path, MODEL_PATH=str(tmp_path / "models"))
    expected = run_script_commands()[role]
    (lead, ran_options), (expected_lead, expected_options) = options(ran), options(expected)
    assert lead == expected_lead
    assert set(ran_options) == set(expected_options) | EXTRA_OPTIONS.get(role, set())
    for option, value in expected_options.items():
        assert ran_options[option] == value or "$" in value, option
    defaults = run_script_defaults()
    if "--port" in ran_options:
        assert ran_options["--port"] == defaults[f"{role}_port"]
        ports = [p["containerPort"] for c in containers() if c.get("args") == [role]
                 for p in c["ports"]]  # fmt: skip
        assert ports == [int(defaults[f"{role}_port"])]


def test_the_entrypoint_refuses_to_start_without_a_model_or_a_role(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    with pytest.raises(subprocess.CalledProcessError) as no_model:
        entrypoint_command("rasa", tmp_path, MODEL_PATH=str(tmp_path / "models"))
    assert "No model" in no_model.value.stderr and not no_model.value.stdout
    (tmp_path / "model.tar.gz").touch()
    assert entrypoint_command("rasa", tmp_path, MODEL_PATH=str(tmp_path / "model.tar.gz"))
    with pytest.raises(subprocess.CalledProcessError) as unknown:
        entrypoint_command("rassa", tmp_path)
    assert unknown.value.returncode == 64


def test_the_servers_are_deployed_as_rasas_helm_chart_deploys_them() -> None:
    probes = {"rasa": ("/", 5005), "actions": ("/health", 5055)}
    for name, (path, port) in probes.items():
        deployment = named("Deployment", name)
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        for probe in ("livenessProbe", "readinessProbe"):
            check = container[probe]["httpGet"]
            assert (check["path"], ports.get(check["port"], check["port"])) == (path, port)
        assert container["resources"]["requests"] and container["resources"]["limits"]
        service = named("Service", name)
        assert [p["port"] for p in service["spec"]["ports"]] == [port]
    rasa = named("Deployment", "rasa")
    assert rasa["spec"]["replicas"] >= 2
    (container,) = rasa["spec"]["template"]["spec"]["containers"]
    env = {v["name"]: v.get("value", "") for v in container["env"]}
    # Several servers (or several Sanic workers in one) share the conversations and their locks.
    assert env["LOCK_STORE_URL"].startswith("redis://"), "several servers need Redis locks"
    assert env["TRACKER_STORE_URL"].startswith("postgresql://")
    assert int(env["SANIC_WORKERS"]) >= 1


def test_socketio_is_sticky_and_the_rasa_endpoints_match_the_repository() -> None:
    ingresses = [d for d in manifests() if d["kind"] == "Ingress"]
    for ingress in ingresses:
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                if path["path"].startswith("/socket.io"):
                    assert path["backend"]["service"]["name"] == "rasa"
                    annotations = ingress["metadata"].get("annotations", {})
                    assert annotations.get("nginx.ingress.kubernetes.io/affinity") == "cookie"
    assert any("/socket.io" in str(ingress) for ingress in ingresses)
    ours, theirs = documents(KUBERNETES / "endpoints.yml")[0], documents(ROOT / "endpoints.yml")[0]
    assert ours.keys() == theirs.keys()
    for key in ours.keys() - {"action_endpoint"}:
        assert ours[key] == theirs[key], key
    actions = named("Service", "actions")["spec"]["ports"][0]["port"]
    assert ours["action_endpoint"]["url"] == f"http://actions:{actions}/webhook"
