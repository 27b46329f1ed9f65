import i18next from 'i18next';
import { addCatalogueFormatters, catalogueOptions } from '../../i18n/engine-setup';
import { detailLines } from '../../console/src/components/case/history-details';

/** The console's history lines, rendered with the catalogues as the console renders them. */
function linesIn(locale: 'zh-CN' | 'en', details: Record<string, unknown>): string[] {
  const engine = i18next.createInstance();
  void engine.init(catalogueOptions(locale));
  addCatalogueFormatters(engine);
  return detailLines(details, engine.t, (id) => id);
}

describe('the case history in the console (audit entry details)', () => {
  it('R-RPT-5: closing a revoked park names the yearly reports never filed, in each language', () => {
    const closed = { status: 'settled', reportsNeverFiled: [2026, 2027] };
    expect(linesIn('zh-CN', closed)).toContain('结案时未提交的年度报告：2026、2027年度');
    expect(linesIn('en', closed)).toContain('Yearly reports never filed before closing: 2026, 2027');
  });

  it('R-RPT-5: a closing with every report filed says nothing of reports', () => {
    expect(linesIn('zh-CN', { status: 'settled' }).join('\n')).not.toContain('年度报告');
  });
});
