import { useDistricts } from '../api/queries';
import { currentLocale } from '../i18n';

/** A district's name in the officer's language (its code until the list has loaded, or if it is unknown). */
export function useDistrictName(): (code: string | undefined) => string {
  const { data: districts } = useDistricts();
  return (code) => {
    const district = code ? districts?.get(code) : undefined;
    if (!district) return code ?? '';
    return currentLocale() === 'en' ? district.nameEn : district.name;
  };
}
