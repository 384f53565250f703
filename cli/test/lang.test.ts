/**
 * The words every command shares (cli/src/lang.ts): the default language from the locale, amounts
 * with separators, documents by their number, parameters by their name.
 */
import { describe, expect, it } from 'vitest';
import { citationLabel, defaultLang, grouped, parameterName } from '../src/lang.js';

describe('defaultLang', () => {
  it('is zh when the first locale variable set names Chinese, else en', () => {
    expect(defaultLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(defaultLang({ LC_ALL: 'zh-TW' })).toBe('zh');
    expect(defaultLang({ LC_MESSAGES: 'zh' })).toBe('zh');
    // LC_ALL wins over LANG, as the C library reads them; an empty variable counts as unset.
    expect(defaultLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(defaultLang({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(defaultLang({ LANG: 'C.UTF-8' })).toBe('en');
    expect(defaultLang({ LANG: 'zu_ZA' })).toBe('en');
    expect(defaultLang({})).toBe('en');
  });
});

describe('grouped', () => {
  it('puts thousands separators in the whole part only', () => {
    expect(grouped('18434232.5')).toBe('18,434,232.5');
    expect(grouped('-1459200')).toBe('-1,459,200');
    expect(grouped('100800')).toBe('100,800');
    expect(grouped('999')).toBe('999');
    expect(grouped('1000')).toBe('1,000');
    expect(grouped('0.05')).toBe('0.05');
    expect(grouped('n/a')).toBe('n/a');
  });
});

describe('citationLabel', () => {
  it('names a document by its number, the opinion by its item, anything else as written', () => {
    expect(citationLabel('gf-2015-67', 'zh')).toBe('国发〔2015〕67号');
    expect(citationLabel('gf-2015-67', 'en')).toBe('国发〔2015〕67号');
    expect(citationLabel('5.1', 'zh')).toBe('《意见》5.1');
    expect(citationLabel('5.1', 'en')).toBe('opinion 5.1');
    expect(citationLabel('南教计〔2020〕4号', 'en')).toBe('南教计〔2020〕4号');
  });
});

describe('parameterName', () => {
  it('is the first phrase of the description, glosses left out, the stage said when the path has one', () => {
    expect(parameterName('funding.floors', 'zh')).toBe('规模较小学校保底核定人数');
    expect(parameterName('funding.floors', 'en')).toBe('Small-school floors');
    expect(parameterName('funding.benchmark.primary', 'en')).toBe('Per-pupil public-funding benchmark (primary)');
    expect(parameterName('funding.benchmark.junior', 'zh')).toBe('初中生均公用经费基准定额');
    expect(parameterName('teachers.rotation.backboneMinShare', 'en')).toBe('Backbone teachers as a share of the teachers rotated');
    expect(parameterName('balance.thresholds.junior.peArtTeachers', 'en')).toBe('PE and arts specialist teachers per 100 pupils (junior)');
    expect(parameterName('balance.school.minimumMet', 'en')).toBe('Indicators a school must meet');
    expect(parameterName('classes.largeFrom', 'zh')).toBe('大班额');
    expect(parameterName('balance.quality.juniorRetention', 'zh')).toBe('初中三年巩固率');
    expect(parameterName('no.such.path', 'en')).toBe('no.such.path');
  });
});
