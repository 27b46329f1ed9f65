import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { useDistrictName } from '../use-district-name';
import './certificate.css';

type Designation = NonNullable<Schema<'CaseView'>['designation']>;

/**
 * The designation certificate (认定证书, §5.1) as one A4 sheet: the park, its district, the certificate number, the
 * issuing bureau and the designation's Chongqing day (R-CAL-1). Styled for the screen and for print (certificate.css).
 */
export function CertificateSheet({ view, designation }: { view: Schema<'CaseView'>; designation: Designation }) {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  return (
    <article className="certificate-sheet" aria-labelledby="certificate-title">
      <h1 id="certificate-title">{t('console.casePage.certificate.title')}</h1>
      <p className="certificate-subtitle">{t('console.casePage.certificate.subtitle')}</p>
      <p className="certificate-body">
        {t('console.casePage.certificate.body', { parkName: view.parkName, district: districtName(view.district) })}
      </p>
      <p className="certificate-number">
        {t('console.casePage.certificate.number', { number: designation.certificateNo })}
      </p>
      <p className="certificate-issuer">
        {t('console.casePage.certificate.issuer')}
        <br />
        {t('console.casePage.certificate.date', { at: designation.designatedAt })}
      </p>
    </article>
  );
}
