/* The "Try it" page's script (copied by scripts/try-it.ts to docs/api/assets/try-it.js).
   Runs the library's browser build (the global `junheng`, assets/junheng.js) on what the reader
   enters; `window.junhengTryLinks` (assets/try-it-links.js, written at build time) maps clause ids,
   source ids and parameter paths to pages of this site. A classic script, no modules, so the page
   works opened from disk (file://). */
(function () {
  'use strict';
  var root = document.getElementById('jh-try');
  if (!root) return;
  var J = window.junheng;
  var LINKS = window.junhengTryLinks || { provisions: {}, sources: {}, parameters: {} };
  if (!J) {
    root.textContent = 'The calculator could not load assets/junheng.js.';
    return;
  }

  // ------------------------------------------------------------------------------------------
  // Small DOM helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (attrs[k] === undefined || attrs[k] === null || attrs[k] === false) continue;
        if (k === 'text') node.textContent = attrs[k];
        else if (k === 'on') for (var ev in attrs.on) node.addEventListener(ev, attrs.on[ev]);
        else node.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
      }
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function option(value, label, selected) {
    return el('option', { value: value, selected: selected ? true : undefined, text: label });
  }
  /** A labelled field; `path` is the input path a PolicyIssue gives (`pupils.primary`, `asOf`). */
  function field(label, path, control, hint) {
    control.setAttribute('data-path', path);
    control.id = 'jh-f-' + path.replace(/[^A-Za-z0-9]/g, '-');
    control.setAttribute('aria-describedby', control.id + '-err');
    return el('div', { class: 'jh-field' }, [
      el('label', { for: control.id, text: label }),
      control,
      hint ? el('span', { class: 'jh-hint', text: hint }) : null,
      el('span', { class: 'jh-error', id: control.id + '-err', role: 'alert', 'data-error-for': path }),
    ]);
  }
  function text(value, attrs) {
    var a = Object.assign({ type: 'text', value: value === undefined ? '' : String(value), autocomplete: 'off', spellcheck: 'false' }, attrs || {});
    return el('input', a);
  }
  function select(choices, value) {
    return el(
      'select',
      {},
      choices.map(function (c) {
        return option(c[0], c[1], c[0] === value);
      }),
    );
  }
  /** What the reader typed, as the library should see it: '' → absent, a number → the number, else the text (the library words the error). */
  function num(input) {
    var v = input.value.trim();
    if (v === '') return undefined;
    return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  function str(input) {
    var v = input.value.trim();
    return v === '' ? undefined : v;
  }
  function compact(obj) {
    var out = {};
    for (var k in obj) if (obj[k] !== undefined) out[k] = obj[k];
    return out;
  }
  function provisionLink(id) {
    if (!id) return null;
    var href = LINKS.provisions[id] || LINKS.sources[id];
    var label = LINKS.provisions[id] ? '§ ' + id : id;
    return href ? el('a', { href: href, class: 'jh-clause', text: label }) : el('span', { class: 'jh-clause', text: label });
  }
  function parameterLink(path) {
    var href = LINKS.parameters[path];
    var code = el('code', { text: path });
    return href ? el('a', { href: href }, [code]) : code;
  }
  function show(value) {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  // ------------------------------------------------------------------------------------------
  // The three calculators: their forms and how to read them

  var LOCATION_CHOICES = [
    ['rural', 'rural 乡村'],
    ['town', 'town 镇区'],
    ['urban', 'urban 城区'],
  ];
  var REGION_CHOICES = [
    ['', '(none)'],
    ['east', 'east 东部'],
    ['central', 'central 中部'],
    ['west', 'west 西部'],
  ];

  var school = {
    id: text('village-1'),
    location: select(LOCATION_CHOICES, 'rural'),
    kind: select(
      [
        ['school', 'school 学校'],
        ['teaching-point', 'teaching point 教学点'],
        ['special-education', 'special-education school 特殊教育学校'],
      ],
      'school',
    ),
    primary: text('150', { inputmode: 'numeric' }),
    junior: text('', { inputmode: 'numeric' }),
    boardersPrimary: text('', { inputmode: 'numeric' }),
    boardersJunior: text('', { inputmode: 'numeric' }),
    disabled: text('', { inputmode: 'numeric' }),
  };

  var classRows = el('tbody');
  var teacherRows = el('tbody');
  var teacher = { id: text('T1'), employedSince: text('', { placeholder: 'YYYY-MM-DD' }) };

  function addClassRow(c) {
    var i = classRows.children.length;
    var stage = select([['primary', 'primary 小学'], ['junior', 'junior 初中']], c.stage);
    var size = text(c.size, { inputmode: 'numeric' });
    var loc = select([['', '—']].concat(LOCATION_CHOICES), c.location || '');
    var schoolId = text(c.schoolId || '');
    [stage, size, loc, schoolId].forEach(function (x, k) {
      x.setAttribute('data-path', i + '.' + ['stage', 'size', 'location', 'schoolId'][k]);
      x.setAttribute('aria-label', 'class ' + (i + 1) + ' ' + ['stage', 'size', 'location', 'school'][k]);
    });
    classRows.appendChild(
      el('tr', {}, [
        el('td', { text: String(i + 1) }),
        el('td', {}, [stage, errorSlot(i + '.stage')]),
        el('td', {}, [size, errorSlot(i + '.size')]),
        el('td', {}, [loc, errorSlot(i + '.location')]),
        el('td', {}, [schoolId, errorSlot(i + '.schoolId')]),
      ]),
    );
  }
  function addTrainingRow(r) {
    var i = teacherRows.children.length;
    var date = text(r.date, { placeholder: 'YYYY-MM-DD' });
    var hours = text(r.hours, { inputmode: 'decimal' });
    date.setAttribute('data-path', 'training.' + i + '.date');
    hours.setAttribute('data-path', 'training.' + i + '.hours');
    date.setAttribute('aria-label', 'record ' + (i + 1) + ' date');
    hours.setAttribute('aria-label', 'record ' + (i + 1) + ' hours');
    teacherRows.appendChild(
      el('tr', {}, [
        el('td', { text: String(i + 1) }),
        el('td', {}, [date, errorSlot('training.' + i + '.date')]),
        el('td', {}, [hours, errorSlot('training.' + i + '.hours')]),
      ]),
    );
  }
  function errorSlot(path) {
    return el('span', { class: 'jh-error', role: 'alert', 'data-error-for': path });
  }
  [
    { stage: 'primary', size: 58, location: 'urban', schoolId: 'A' },
    { stage: 'primary', size: 44, location: 'urban', schoolId: 'A' },
    { stage: 'junior', size: 67, location: 'town', schoolId: 'B' },
  ].forEach(addClassRow);
  [
    { date: '2021-03-01', hours: 200 },
    { date: '2024-05-01', hours: 120.5 },
  ].forEach(addTrainingRow);

  var CALCULATORS = {
    publicFunding: {
      title: "A school's public funding (公用经费) — publicFunding",
      read: function () {
        var boarders = compact({ primary: num(school.boardersPrimary), junior: num(school.boardersJunior) });
        return compact({
          id: str(school.id),
          location: school.location.value,
          kind: school.kind.value,
          pupils: compact({ primary: num(school.primary), junior: num(school.junior) }),
          boarders: Object.keys(boarders).length ? boarders : undefined,
          disabledPupils: num(school.disabled),
        });
      },
      headline: function (r) {
        return [
          ['Funded pupils 核定人数', r.fundedPupils],
          ['Floor applied 保底', r.floorApplied === null ? 'none' : r.floorApplied],
          ['Amount 公用经费 (yuan)', r.amount],
        ];
      },
      form: function () {
        return el('fieldset', { class: 'jh-grid' }, [
          el('legend', { text: 'The school' }),
          field('School id', 'id', school.id),
          field('Location 城乡分类', 'location', school.location),
          field('Kind', 'kind', school.kind),
          field('Primary pupils 小学在校生', 'pupils.primary', school.primary),
          field('Junior pupils 初中在校生', 'pupils.junior', school.junior),
          field('Primary boarders 寄宿生', 'boarders.primary', school.boardersPrimary),
          field('Junior boarders', 'boarders.junior', school.boardersJunior),
          field('Disabled pupils in mainstream classes 随班就读', 'disabledPupils', school.disabled, 'counted within the pupils'),
        ]);
      },
    },
    classSizeReport: {
      title: 'A set of classes — classSizeReport',
      read: function () {
        return Array.prototype.map.call(classRows.children, function (tr) {
          var c = tr.querySelectorAll('input, select');
          return compact({ stage: c[0].value, size: num(c[1]), location: c[2].value || undefined, schoolId: str(c[3]) });
        });
      },
      headline: function (r) {
        return [
          ['Classes', r.total],
          ['Standard 标准班额', r.byStatus.standard],
          ['Over standard', r.byStatus['over-standard']],
          ['Large 大班额 (56–65)', r.byStatus.large],
          ['Super-large 超大班额 (66+)', r.byStatus['super-large']],
          ['Large share', r.largeShare],
          ['Days to the large-class deadline ' + r.deadline.date, r.deadline.daysRemaining],
        ];
      },
      form: function () {
        return el('fieldset', {}, [
          el('legend', { text: 'The classes' }),
          el('table', { class: 'jh-rows' }, [
            el('thead', {}, [el('tr', {}, ['#', 'Stage', 'Size 班额', 'Location', 'School id'].map(function (h) { return el('th', { text: h }); }))]),
            classRows,
          ]),
          el('button', { type: 'button', text: 'Add a class', on: { click: function () { addClassRow({ stage: 'primary', size: 45 }); run(); } } }),
        ]);
      },
    },
    trainingCompliance: {
      title: "A teacher's training records (教师培训) — trainingCompliance",
      read: function () {
        return compact({
          id: str(teacher.id),
          employedSince: str(teacher.employedSince),
          training: Array.prototype.map.call(teacherRows.children, function (tr) {
            var c = tr.querySelectorAll('input');
            return compact({ date: str(c[0]), hours: num(c[1]) });
          }),
        });
      },
      headline: function (r) {
        return [
          ['Cycle', r.cycle.start + ' … ' + r.cycle.end],
          ['Completed hours 学时', r.completedHours],
          ['Required hours', r.requiredHours],
          ['Shortfall', r.shortfall],
          ['Status', r.status],
          ['Compliant', r.compliant ? 'yes' : 'no'],
        ];
      },
      form: function () {
        return el('fieldset', {}, [
          el('legend', { text: 'The teacher' }),
          el('div', { class: 'jh-grid' }, [field('Teacher id', 'id', teacher.id), field('Employed since', 'employedSince', teacher.employedSince, 'optional')]),
          el('table', { class: 'jh-rows' }, [
            el('thead', {}, [el('tr', {}, ['#', 'Date', 'Hours 学时'].map(function (h) { return el('th', { text: h }); }))]),
            teacherRows,
          ]),
          el('button', { type: 'button', text: 'Add a record', on: { click: function () { addTrainingRow({ date: '', hours: '' }); } } }),
        ]);
      },
    },
  };

  // ------------------------------------------------------------------------------------------
  // Page layout

  var which = select(
    [
      ['publicFunding', 'a school → public funding (publicFunding)'],
      ['classSizeReport', 'a set of classes → class-size report (classSizeReport)'],
      ['trainingCompliance', "a teacher's training → training compliance (trainingCompliance)"],
    ],
    'publicFunding',
  );
  var asOf = text('2025-09-01', { placeholder: 'YYYY-MM-DD' });
  var region = select(REGION_CHOICES, 'central');
  var formSlot = el('div', { class: 'jh-form-slot' });
  var paramSlot = el('div', { class: 'jh-params' });
  var out = el('div', { class: 'jh-output', 'aria-live': 'polite' });
  var general = el('div', { class: 'jh-error jh-general', role: 'alert', 'data-error-for': '' });
  /** The reader's parameter changes: dot path → value (a region-specific value as { region: value }). */
  var patch = {};

  root.textContent = '';
  root.appendChild(
    el('form', { class: 'jh-form', novalidate: true, on: { submit: function (e) { e.preventDefault(); run(); } } }, [
      el('fieldset', { class: 'jh-grid' }, [
        el('legend', { text: 'What to compute, when and where' }),
        field('Calculator', 'calculator', which),
        field('Date 日期 (asOf)', 'asOf', asOf, 'YYYY-MM-DD'),
        field('Region 地区', 'region', region, 'the benchmarks differ by region'),
      ]),
      formSlot,
      el('div', { class: 'jh-actions' }, [el('button', { type: 'submit', class: 'jh-run', text: 'Compute 计算' }), general]),
    ]),
  );
  root.appendChild(out);
  // The parameters under the result, in a form of their own (Enter in a value recomputes).
  root.appendChild(el('form', { class: 'jh-form', novalidate: true, on: { submit: function (e) { e.preventDefault(); } } }, [paramSlot]));

  function mountForm() {
    formSlot.textContent = '';
    formSlot.appendChild(CALCULATORS[which.value].form());
    patch = {};
  }
  which.addEventListener('change', function () {
    mountForm();
    run();
  });
  root.addEventListener('change', function (e) {
    if (e.target && e.target.closest && e.target.closest('.jh-params')) return;
    if (e.target !== which) run();
  });

  function options(withPatch) {
    var o = { asOf: str(asOf) };
    if (region.value) o.region = region.value;
    if (withPatch && Object.keys(patch).length) o.parameters = nest(patch);
    return compact(o);
  }
  function nest(flat) {
    var outObj = {};
    Object.keys(flat).forEach(function (path) {
      var parts = path.split('.');
      var node = outObj;
      for (var i = 0; i < parts.length - 1; i++) node = node[parts[i]] = node[parts[i]] || {};
      node[parts[parts.length - 1]] = flat[path];
    });
    return outObj;
  }

  function clearErrors() {
    root.querySelectorAll('.jh-error').forEach(function (e) {
      e.textContent = '';
    });
    root.querySelectorAll('[aria-invalid]').forEach(function (e) {
      e.removeAttribute('aria-invalid');
    });
  }
  /** Puts each issue's message beside the field its path names; what matches no field goes under the button. */
  function showIssues(error) {
    var unplaced = [];
    error.issues.forEach(function (issue) {
      var path = issue.path.join('.');
      if (issue.path[0] === 'parameters') path = 'param:' + issue.path.slice(1).join('.');
      var slot = null;
      var probe = path;
      while (probe !== '' && slot === null) {
        slot = root.querySelector('[data-error-for="' + CSS.escape(probe) + '"]');
        if (slot === null) probe = probe.indexOf('.') >= 0 ? probe.slice(0, probe.lastIndexOf('.')) : '';
      }
      if (slot === null && path.indexOf('param:') === 0) {
        var top = path.split('.').slice(0, 3).join('.');
        slot = root.querySelector('[data-error-for^="' + CSS.escape(top) + '"]');
      }
      if (slot) {
        slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + issue.message + (probe !== path ? ' (' + J.formatPath(issue.path) + ')' : '');
        var input = root.querySelector('[data-path="' + CSS.escape(probe) + '"]');
        if (input) input.setAttribute('aria-invalid', 'true');
      } else unplaced.push(J.formatPath(issue.path) + ': ' + issue.message);
    });
    general.textContent = unplaced.join(' · ');
  }

  function run() {
    clearErrors();
    var calc = CALCULATORS[which.value];
    var fn = J[which.value];
    var input = calc.read();
    var mine;
    try {
      mine = fn(input, options(true));
    } catch (error) {
      if (!(error instanceof J.PolicyInputError)) throw error;
      showIssues(error);
      out.textContent = '';
      out.appendChild(el('p', { class: 'jh-invalid', text: 'Not computed: ' + error.message }));
      return;
    }
    var base = null;
    if (Object.keys(patch).length) {
      try {
        base = fn(input, options(false));
      } catch (e) {
        base = null;
      }
    }
    render(calc, mine, base, input);
  }

  function render(calc, r, base, input) {
    out.textContent = '';
    var plain = J.toPlainData(r);
    var basePlain = base ? J.toPlainData(base) : null;
    var rows = calc.headline(plain).map(function (h, i) {
      var diff = null;
      if (basePlain) {
        var b = calc.headline(basePlain)[i][1];
        if (show(b) !== show(h[1])) diff = el('span', { class: 'jh-diff', text: 'junheng’s parameters: ' + show(b) + difference(b, h[1]) });
      }
      return el('tr', { 'data-field': h[0] }, [el('th', { text: h[0] }), el('td', {}, [el('strong', { class: 'jh-value', text: show(h[1]) }), diff ? ' ' : null, diff])]);
    });
    out.appendChild(el('h2', { text: 'Result' }));
    out.appendChild(el('p', { class: 'jh-cites' }, ['Rests on '].concat(joinNodes(r.citations.map(provisionLink)))));
    out.appendChild(el('table', { class: 'jh-result' }, [el('tbody', {}, rows)]));
    if (Object.keys(patch).length) {
      out.appendChild(
        el('p', { class: 'jh-patched' }, ['With your parameter changes: '].concat(joinNodes(Object.keys(patch).map(parameterLink)), [
          ' ',
          el('button', { type: 'button', text: 'Reset parameters', on: { click: function () { patch = {}; run(); } } }),
        ])),
      );
    }

    out.appendChild(el('h2', { text: 'Explanation, step by step' }));
    var ol = el('ol', { class: 'jh-steps' });
    r.explanation.forEach(function (s) {
      ol.appendChild(
        el('li', { class: 'jh-step' }, [
          el('div', { class: 'jh-step-head' }, [provisionLink(s.provision)]),
          el('div', { class: 'jh-step-en', text: s.message.en }),
          el('div', { class: 'jh-step-zh', lang: 'zh-CN', text: s.message.zh }),
        ]),
      );
    });
    out.appendChild(ol);
    renderParameters();
  }

  function difference(a, b) {
    var x = Number(a);
    var y = Number(b);
    if (!isFinite(x) || !isFinite(y) || typeof a === 'boolean') return '';
    var d = y - x;
    var s = String(Math.round(d * 100) / 100);
    return ' (change ' + (d > 0 ? '+' : '') + s + ')';
  }
  function joinNodes(nodes) {
    var outNodes = [];
    nodes.forEach(function (n, i) {
      if (i) outNodes.push(', ');
      outNodes.push(n);
    });
    return outNodes;
  }

  /** The parameters the calculator reads, in force for the date and region, each editable. */
  function renderParameters() {
    paramSlot.textContent = '';
    var info = J.calculators.filter(function (c) { return c.name === which.value; })[0];
    var listed;
    try {
      listed = J.listParameters(options(true));
    } catch (e) {
      return;
    }
    var used = listed.filter(function (p) {
      return info.parameters.some(function (x) { return p.path === x || p.path.indexOf(x + '.') === 0; });
    });
    var tbody = el('tbody');
    used.forEach(function (p) {
      var key = p.region ? p.path + '.' + p.region : p.path;
      var changed = Object.prototype.hasOwnProperty.call(patch, p.path);
      tbody.appendChild(
        el('tr', { class: changed ? 'jh-changed' : null, 'data-parameter': p.path }, [
          el('td', {}, [parameterLink(p.path), p.region ? ' (' + p.region + ')' : '']),
          el('td', {}, [editor(p), el('span', { class: 'jh-error', role: 'alert', 'data-error-for': 'param:' + key })]),
          el('td', { class: 'jh-nowrap', text: p.effectiveFrom }),
          el('td', {}, [provisionLink(p.source) || p.source, ', ' + p.confidence + (p.stale && p.confirmedThrough ? ', not confirmed since ' + p.confirmedThrough : '')]),
        ]),
      );
    });
    paramSlot.appendChild(
      el('details', { open: true, class: 'jh-param-box' }, [
        el('summary', { text: 'Parameters used (' + used.length + ') — change one to see the difference' }),
        el('table', { class: 'jh-param-table' }, [
          el('thead', {}, [el('tr', {}, ['Parameter', 'Value', 'From', 'Source, confidence'].map(function (h) { return el('th', { text: h }); }))]),
          tbody,
        ]),
      ]),
    );
  }

  /** An input for a parameter's value: a text box for a figure; a small table for a list of bands. */
  function editor(p) {
    var set = function (value) {
      if (p.region) {
        var current = patch[p.path] && typeof patch[p.path] === 'object' && !Array.isArray(patch[p.path]) ? patch[p.path] : {};
        current[p.region] = value;
        patch[p.path] = current;
      } else patch[p.path] = value;
      run();
    };
    var v = p.value;
    if (Array.isArray(v) && v.every(function (x) { return x && typeof x === 'object'; })) {
      var keys = [];
      v.forEach(function (band) { Object.keys(band).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
      var body = el('tbody');
      v.forEach(function (band, i) {
        body.appendChild(
          el('tr', {}, keys.map(function (k) {
            var cellValue = band[k];
            if (k === 'id') return el('td', {}, [el('code', { text: String(cellValue) })]);
            var input = text(Array.isArray(cellValue) ? cellValue.join(', ') : cellValue === undefined ? '' : cellValue, { size: Array.isArray(cellValue) ? 10 : 4 });
            input.setAttribute('data-path', 'param:' + p.path + '.' + i + '.' + k);
            input.setAttribute('aria-label', p.path + ' ' + band.id + ' ' + k);
            input.addEventListener('change', function () {
              var next = v.map(function (b) { return Object.assign({}, b); });
              var raw = input.value.trim();
              if (raw === '') delete next[i][k];
              else if (Array.isArray(cellValue)) next[i][k] = raw.split(/\s*,\s*/);
              else next[i][k] = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
              set(next);
            });
            return el('td', {}, [input]);
          })),
        );
      });
      return el('table', { class: 'jh-bands' }, [
        el('thead', {}, [el('tr', {}, keys.map(function (k) { return el('th', { text: k }); }))]),
        body,
      ]);
    }
    if (v !== null && typeof v === 'object') return el('code', { text: JSON.stringify(v) });
    var input = text(v === null ? '' : v, { size: 10 });
    input.setAttribute('data-path', 'param:' + p.path + (p.region ? '.' + p.region : ''));
    input.setAttribute('aria-label', p.path + (p.region ? ' ' + p.region : ''));
    input.addEventListener('change', function () {
      var raw = input.value.trim();
      set(typeof v === 'number' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw === '' ? null : raw);
    });
    return input;
  }

  mountForm();
  run();
  root.setAttribute('data-ready', 'true');
})();
