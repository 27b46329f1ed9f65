/**
 * Reference data: the districts and counties of Chongqing (GB/T 2260 codes), plus the two areas the
 * policy's addressee list names that have no division code of their own. For those two the project
 * assigns codes from the unused 5001 9x block: 500191 两江新区, 500192 万盛经开区 (see README).
 */
export interface DistrictReference {
  code: string;
  name: string;
  nameEn: string;
}

export const CHONGQING_DISTRICTS: readonly DistrictReference[] = [
  { code: '500101', name: '万州区', nameEn: 'Wanzhou District' },
  { code: '500102', name: '涪陵区', nameEn: 'Fuling District' },
  { code: '500103', name: '渝中区', nameEn: 'Yuzhong District' },
  { code: '500104', name: '大渡口区', nameEn: 'Dadukou District' },
  { code: '500105', name: '江北区', nameEn: 'Jiangbei District' },
  { code: '500106', name: '沙坪坝区', nameEn: 'Shapingba District' },
  { code: '500107', name: '九龙坡区', nameEn: 'Jiulongpo District' },
  { code: '500108', name: '南岸区', nameEn: "Nan'an District" },
  { code: '500109', name: '北碚区', nameEn: 'Beibei District' },
  { code: '500110', name: '綦江区', nameEn: 'Qijiang District' },
  { code: '500111', name: '大足区', nameEn: 'Dazu District' },
  { code: '500112', name: '渝北区', nameEn: 'Yubei District' },
  { code: '500113', name: '巴南区', nameEn: 'Banan District' },
  { code: '500114', name: '黔江区', nameEn: 'Qianjiang District' },
  { code: '500115', name: '长寿区', nameEn: 'Changshou District' },
  { code: '500116', name: '江津区', nameEn: 'Jiangjin District' },
  { code: '500117', name: '合川区', nameEn: 'Hechuan District' },
  { code: '500118', name: '永川区', nameEn: 'Yongchuan District' },
  { code: '500119', name: '南川区', nameEn: 'Nanchuan District' },
  { code: '500120', name: '璧山区', nameEn: 'Bishan District' },
  { code: '500151', name: '铜梁区', nameEn: 'Tongliang District' },
  { code: '500152', name: '潼南区', nameEn: 'Tongnan District' },
  { code: '500153', name: '荣昌区', nameEn: 'Rongchang District' },
  { code: '500154', name: '开州区', nameEn: 'Kaizhou District' },
  { code: '500155', name: '梁平区', nameEn: 'Liangping District' },
  { code: '500156', name: '武隆区', nameEn: 'Wulong District' },
  { code: '500229', name: '城口县', nameEn: 'Chengkou County' },
  { code: '500230', name: '丰都县', nameEn: 'Fengdu County' },
  { code: '500231', name: '垫江县', nameEn: 'Dianjiang County' },
  { code: '500233', name: '忠县', nameEn: 'Zhong County' },
  { code: '500235', name: '云阳县', nameEn: 'Yunyang County' },
  { code: '500236', name: '奉节县', nameEn: 'Fengjie County' },
  { code: '500237', name: '巫山县', nameEn: 'Wushan County' },
  { code: '500238', name: '巫溪县', nameEn: 'Wuxi County' },
  { code: '500240', name: '石柱土家族自治县', nameEn: 'Shizhu Tujia Autonomous County' },
  { code: '500241', name: '秀山土家族苗族自治县', nameEn: 'Xiushan Tujia and Miao Autonomous County' },
  { code: '500242', name: '酉阳土家族苗族自治县', nameEn: 'Youyang Tujia and Miao Autonomous County' },
  { code: '500243', name: '彭水苗族土家族自治县', nameEn: 'Pengshui Miao and Tujia Autonomous County' },
  { code: '500191', name: '两江新区', nameEn: 'Liangjiang New Area' },
  { code: '500192', name: '万盛经济技术开发区', nameEn: 'Wansheng Economic and Technological Development Zone' },
];

export const DISTRICT_CODES: ReadonlySet<string> = new Set(CHONGQING_DISTRICTS.map((d) => d.code));
